"""The catalogue: metrics, counts, instruments, targets, responsible roles and geography, loaded from targets/."""

from engine.catalogue.load import Catalogue, load_catalogue

__all__ = ["Catalogue", "load_catalogue"]
