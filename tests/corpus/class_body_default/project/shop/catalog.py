PRODUCTS = [
    {"name": "Anvil", "price": 120},
    {"name": "Bucket", "price": 8},
    {"name": "Chisel", "price": 15},
    {"name": "Drill", "price": 89},
]
