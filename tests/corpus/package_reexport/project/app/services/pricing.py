def net_to_gross(amount, vat_rate):
    return round(amount * (1 + vat_rate), 2)
