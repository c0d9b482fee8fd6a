import wtforms

from depot.models import Region


class RegionField(wtforms.SelectField):
    """A select of the active regions, read when a form is built (wtforms binds fields then)."""

    def __init__(self, label="Region", **kwargs):
        super().__init__(label, **kwargs)
        self.choices = [(r.code, r.code) for r in Region.query.filter_by(active=True)]


class ShipmentForm(wtforms.Form):
    region = RegionField()
    weight = wtforms.DecimalField("Weight")
