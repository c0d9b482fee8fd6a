ORDERS = [{"id": n, "total": n * 7} for n in range(1, 101)]
