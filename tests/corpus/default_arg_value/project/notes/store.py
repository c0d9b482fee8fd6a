NOTES = [{"id": n, "text": f"note {n}"} for n in range(1, 8)]


def all_notes():
    return list(NOTES)
