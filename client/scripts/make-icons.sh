#!/usr/bin/env sh
# Regenerates the PWA icons in client/public from simple vector shapes.
# Optional: the generated PNG/ICO files are committed, so nobody needs to run this
# unless the logo changes. Needs ImageMagick 6 ("convert"); run from anywhere:
#   sh client/scripts/make-icons.sh
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/../public"
ICONS="$OUT/icons"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$ICONS"

BG='#16121f'
CURTAIN='#b3263a'
FOLD='#7f1a2a'
VALANCE='#8e1d2e'
GOLD='#f2c14e'

# 1. The logo on a 1024 px transparent canvas: red stage curtains, a valance and a gold "CC".
convert -size 1024x1024 xc:none \
  -fill "$CURTAIN" -stroke none \
  -draw "path 'M 0,0 L 340,0 Q 250,520 120,1024 L 0,1024 Z'" \
  -draw "path 'M 1024,0 L 684,0 Q 774,520 904,1024 L 1024,1024 Z'" \
  -fill none -stroke "$FOLD" -strokewidth 16 \
  -draw "path 'M 80,130 Q 70,600 40,1024'" \
  -draw "path 'M 200,130 Q 170,600 85,1024'" \
  -draw "path 'M 944,130 Q 954,600 984,1024'" \
  -draw "path 'M 824,130 Q 854,600 939,1024'" \
  -stroke none -fill "$VALANCE" \
  -draw "rectangle 0,0 1024,150" \
  -draw "circle 85,150 85,215" -draw "circle 256,150 256,215" -draw "circle 427,150 427,215" \
  -draw "circle 597,150 597,215" -draw "circle 768,150 768,215" -draw "circle 939,150 939,215" \
  -stroke none -fill "$GOLD" \
  -draw "path 'M 469.8,482.2 A 110,110 0 1,0 469.8,637.8 L 434.4,602.4 A 60,60 0 1,1 434.4,517.6 Z'" \
  -draw "path 'M 709.8,482.2 A 110,110 0 1,0 709.8,637.8 L 674.4,602.4 A 60,60 0 1,1 674.4,517.6 Z'" \
  -draw "roundrectangle 312,790 712,816 13,13" \
  "$TMP/logo.png"

# 2. "any" icons: the logo on a dark rounded square.
convert -size 1024x1024 "xc:$BG" "$TMP/logo.png" -compose over -composite -alpha set \
  \( -size 1024x1024 xc:none -fill white -draw "roundrectangle 0,0 1023,1023 180,180" \) \
  -compose DstIn -composite "$TMP/any.png"
convert "$TMP/any.png" -resize 512x512 -depth 8 -strip "PNG32:$ICONS/icon-512.png"
convert "$TMP/any.png" -resize 192x192 -depth 8 -strip "PNG32:$ICONS/icon-192.png"

# 3. Maskable icon: full-bleed background, logo shrunk into the 80% safe zone.
convert -size 1024x1024 "xc:$BG" \( "$TMP/logo.png" -resize 72% \) -gravity center -compose over -composite \
  -resize 512x512 -depth 8 -strip "PNG24:$ICONS/maskable-512.png"

# 4. Apple touch icon (opaque, iOS rounds it itself) and the favicon.
convert -size 1024x1024 "xc:$BG" "$TMP/logo.png" -compose over -composite \
  -resize 180x180 -depth 8 -strip "PNG24:$ICONS/apple-touch-icon.png"
convert "$TMP/any.png" -define icon:auto-resize=48,32,16 "$OUT/favicon.ico"

echo "icons written to $ICONS and $OUT/favicon.ico"
