import os

from pki.certificates import get_by_serial
from pki.verify import key_type_allowed, scratch_file


def test_rsa2048_is_allowed():
    assert key_type_allowed("RSA2048")


def test_scratch_file_is_created():
    path = scratch_file()
    assert os.path.exists(path)
    os.remove(path)


def test_lookup_of_never_imported_serial():
    assert get_by_serial("DEAD") is None
