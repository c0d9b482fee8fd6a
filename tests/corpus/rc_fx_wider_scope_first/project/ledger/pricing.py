def with_vat(cents, rate):
    return cents + cents * rate // 100


def format_amount(cents, currency):
    return f"{cents / 100:.2f} {currency}"
