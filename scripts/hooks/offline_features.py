"""Switch off instant navigation in the offline bundle (make offline).

Instant navigation fetches sitemap.xml, which a page opened from file:// cannot
do; the failed fetch completes Material's document$ stream before the page has
loaded, so nothing subscribed to it (the diagram and maths renderer) ever runs.
The offline plugin does not drop the feature itself, so this hook does.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

NEEDS_A_SERVER = ("navigation.instant", "navigation.instant.progress", "navigation.instant.prefetch")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.get("enabled"):
        features = config.theme["features"]
        config.theme["features"] = [feature for feature in features if feature not in NEEDS_A_SERVER]
    return config
