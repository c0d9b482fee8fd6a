PRODUCTS = [
    {"sku": "mug-01", "name": "Mug", "tags": ["kitchen", "sale"]},
    {"sku": "tee-02", "name": "T-shirt", "tags": ["clothes"]},
    {"sku": "cap-03", "name": "Cap", "tags": ["clothes", "sale"]},
]
CACHE = {}
