from shop import db
from shop.models import Cart

# owner -> number of open carts, served by the search API
cart_index = {}


def reindex_carts(owner_prefix=""):
    carts = db.session.execute(db.select(Cart).where(Cart.owner.startswith(owner_prefix))).scalars().all()
    cart_index.clear()
    for cart in carts:
        cart_index[cart.owner] = cart_index.get(cart.owner, 0) + 1
    return len(cart_index)
