from datetime import datetime

from helpdesk import db
from helpdesk.models import Ticket
from helpdesk.sla import breaches_sla, overdue_tickets


def test_old_open_ticket_is_overdue(app_ctx, sla_hours):
    db.session.add(Ticket(subject="Printer on fire", opened_at=datetime(2024, 1, 1, 9)))
    db.session.commit()
    assert [t.subject for t in overdue_tickets(datetime(2024, 1, 2, 10), sla_hours)] == ["Printer on fire"]


def test_fresh_ticket_within_sla(sla_hours):
    assert not breaches_sla(datetime(2024, 1, 1, 9), datetime(2024, 1, 1, 20), sla_hours)
