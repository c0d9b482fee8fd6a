from celery import shared_task

from shop.cart import price_list


@shared_task(name="shop.publish_price_list")
def publish_price_list():
    return price_list()
