from celery import shared_task

from shop.cart import SENT, quote, reminder_text


@shared_task(name="shop.remind_abandoned_cart")
def remind_abandoned_cart(email, skus):
    SENT.append(reminder_text(email, skus))


@shared_task(name="shop.refresh_quote")
def refresh_quote(sku, lang):
    return quote(sku, lang)
