from invoicing.export import invoice_number, print_footer, write_invoice_csv

INVOICES = [{"number": "INV-00001", "total": 120.0}, {"number": "INV-00002", "total": 80.5}]


def test_csv_has_one_line_per_invoice(tmp_path):
    target = tmp_path / "invoices.csv"
    assert write_invoice_csv(target, INVOICES) == 2


def test_footer_names_the_company(monkeypatch, capsys):
    monkeypatch.setenv("COMPANY_NAME", "Acme")
    print_footer()
    assert "Acme" in capsys.readouterr().out


def test_invoice_number_is_padded(monkeypatch):
    monkeypatch.setenv("COMPANY_NAME", "Acme")
    assert invoice_number(42) == "INV-00042"


def test_next_number_page(client):
    assert client.get("/invoices/next").get_data(as_text=True) == "INV-00001"
