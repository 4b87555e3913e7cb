"""The notes as W3C Web Annotations: each source's ``sources/<id>/annotations.jsonld``,
read by Hypothesis, Recogito, Annotorious and the IIIF world (see :mod:`.export`)."""
