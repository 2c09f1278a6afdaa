#!/bin/sh
# Installs the Debian 12 packages that building and testing dispute need, plus any
# extra package names given as arguments. As root it runs apt-get; otherwise it prints
# the `sudo apt-get install ...` line and fails, so that nothing is half-set-up.
set -eu

packages="gcc make cmake pkg-config file zip unzip time openssl
	libzip-dev libdeflate-dev libcjson-dev libmagic-dev libssl-dev libexif-dev libcmocka-dev libgdk-pixbuf-2.0-dev libbsd-dev libunistring-dev
	libical-dev python3-icalendar
	libpango1.0-dev libcairo2-dev fonts-noto-cjk poppler-utils libpoppler-glib-dev
	heif-gdk-pixbuf webp-pixbuf-loader libheif-examples webp
	libavformat-dev libavcodec-dev libswscale-dev libswresample-dev libavutil-dev ffmpeg libopencore-amrnb-dev
	libtesseract-dev tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng
	libcurl4-openssl-dev pandoc libimage-exiftool-perl
	scdoc dpkg-dev gettext imagemagick python3 p7zip-full $*"

missing=""
for package in $packages; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $package"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "dispute: these Debian packages are missing; install them with:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
echo "dispute: installing$missing" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
