"""The catalogue: metrics, counts, instruments, targets, responsible roles and geography, loaded from targets/."""

from engine.catalogue.load import Catalogue, load_catalogue

# a province's own targets, kept beside its submissions (engine/catalogue/local.py reads it)
LOCAL_FILE = "targets.local.yaml"

__all__ = ["LOCAL_FILE", "Catalogue", "load_catalogue"]
