def test_seed_db_creates_the_admin(runner):
    result = runner.invoke(args=["seed-db", "--email", "root@example.com"], catch_exceptions=False)
    assert "Created admin root@example.com." in result.output
