from app.commands import seed_db


def test_seed_db_creates_the_admin(runner):
    result = runner.invoke(seed_db, ["--email", "root@example.com"], catch_exceptions=False)
    assert "Created admin root@example.com." in result.output
