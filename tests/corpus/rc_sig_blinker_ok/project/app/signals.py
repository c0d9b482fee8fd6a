from blinker import Namespace

shop_signals = Namespace()

order_placed = shop_signals.signal("order-placed")
order_refunded = shop_signals.signal("order-refunded")
stock_changed = shop_signals.signal("stock-changed")
