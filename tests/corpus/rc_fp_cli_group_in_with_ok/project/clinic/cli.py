from datetime import datetime, timedelta

import click
from flask import current_app

from clinic import db
from clinic.models import Appointment


@click.group()
def cli():
    """Clinic maintenance commands."""


@cli.command("remind")
@click.option("--hours", default=24)
def remind(hours):
    horizon = datetime.now() + timedelta(hours=hours)
    due = Appointment.query.filter(Appointment.starts_at < horizon, Appointment.cancelled.is_(False)).all()
    click.echo(f"{len(due)} reminders to send")


@cli.command("cancel")
@click.argument("appointment_id", type=int)
def cancel(appointment_id):
    appointment = db.session.get(Appointment, appointment_id)
    if appointment is None:
        click.echo(f"no appointment {appointment_id}")
        return
    appointment.cancelled = True
    db.session.commit()


@cli.command("whoami")
def whoami():
    click.echo(current_app.config["CLINIC_NAME"])
