from flask import g, session

PRICES = {"mug": 12.0, "poster": 20.0, "tote": 15.0}
TIER_DISCOUNT = {"gold": 15, "silver": 5}
PROMO_DISCOUNT = {"WELCOME10": 10}


def member_discount():
    """Percent off for the signed-in member; visitors may carry a promo code in their session."""
    if g.get("user_id") is None:
        return PROMO_DISCOUNT.get(session.get("promo"), 0)
    return TIER_DISCOUNT.get(session["tier"], 0)


def price_for(sku):
    return PRICES[sku] * (100 - member_discount()) / 100
