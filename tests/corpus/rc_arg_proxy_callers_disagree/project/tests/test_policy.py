from tenants.context import current_org
from tenants.models import Org
from tenants.policy import allowed_domain


def test_member_domain_is_allowed():
    assert allowed_domain(Org("bc", domains=["b.c"]), "a@b.c")


def test_current_org_domain_is_allowed():
    assert allowed_domain(current_org, "a@b.c")
