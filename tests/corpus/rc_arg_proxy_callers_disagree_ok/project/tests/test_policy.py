from tenants.models import Org
from tenants.policy import allowed_domain


def test_member_domain_is_allowed():
    assert allowed_domain(Org("bc", domains=["b.c"]), "a@b.c")


def test_other_domain_is_refused():
    assert not allowed_domain(Org("bc", domains=["b.c"]), "a@elsewhere.test")
