import oracle
from catalog import create_app

# python scripts/import_products.py data/products.csv
oracle.run_script("scripts/import_products.py", ["data/products.csv"])

client = create_app().test_client()
oracle.observe(client.post, "/admin/import", data="sku-9,Mug,6.00\n", content_type="text/csv")
oracle.observe(client.get, "/admin/products")
