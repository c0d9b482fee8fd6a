from shop.accounts import find_user, grant_welcome_credit


def test_unknown_user_is_none(app_ctx):
    assert find_user("nobody@example.com") is None


def test_lookup_is_case_insensitive(app_ctx, seeded_user):
    assert find_user("ADA@example.com").id == seeded_user.id


def test_welcome_credit_is_granted(app_ctx, seeded_user):
    assert grant_welcome_credit(seeded_user) == 250
