from datetime import timedelta

from helpdesk.models import Ticket


def breaches_sla(opened_at, now, sla_hours):
    return now - opened_at > timedelta(hours=sla_hours)


def overdue_tickets(now, sla_hours):
    open_tickets = Ticket.query.filter_by(closed=False).all()
    return [t for t in open_tickets if breaches_sla(t.opened_at, now, sla_hours)]
