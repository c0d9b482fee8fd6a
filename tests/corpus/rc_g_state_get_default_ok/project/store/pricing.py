from flask import g, session

PRICES = {"mug": 12.0, "poster": 20.0, "tote": 15.0}
TIER_DISCOUNT = {"gold": 15, "silver": 5}


def member_discount():
    """Percent off for the signed-in member; visitors and exports pay list price."""
    if g.get("user_id") is None:
        return 0
    return TIER_DISCOUNT.get(session["tier"], 0)


def price_for(sku):
    return PRICES[sku] * (100 - member_discount()) / 100
