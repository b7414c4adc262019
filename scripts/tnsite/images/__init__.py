"""Images: light, private, described photos and illustrations; social cards per page.

Source images live once in assets/. The build publishes resized WebP variants with a JPEG or
PNG fallback, stripped of camera metadata, and rewrites every content `<img>` into a
`<picture>` with `srcset`, `sizes` and intrinsic dimensions. Photos are described and credited
in assets/photos/manifest.yml. Each page gets a 1200×630 social card in its own language.
"""
