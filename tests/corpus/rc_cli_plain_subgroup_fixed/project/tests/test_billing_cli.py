def test_close_month_closes_open_invoices(runner):
    result = runner.invoke(args=["billing", "close-month", "2024-05"], catch_exceptions=False)
    assert "closed 2 invoices for 2024-05" in result.output
