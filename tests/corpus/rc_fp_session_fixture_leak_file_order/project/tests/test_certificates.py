from pki.certificates import get_by_serial, import_certificate


def test_import_then_lookup(session):
    import_certificate("0A1B", "www.example.com", "RSA2048")
    assert get_by_serial("0A1B").common_name == "www.example.com"


def test_unknown_serial_is_404(client, db):
    assert client.get("/certificates/FFFF").status_code == 404
