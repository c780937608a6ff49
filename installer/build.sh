#!/bin/sh
# Builds Storyline's app image and native packages with jlink + jpackage. Run by `mvn -Pinstaller package`
# (which stages the jar and its libraries in target/installer/input first); it can also be run by hand
# from the repository root: installer/build.sh VERSION.
# Linux: the app image, a .deb when dpkg-deb and fakeroot exist, an .rpm when rpmbuild exists.
# macOS: a .dmg; Windows (Git Bash): an .msi with the WiX Toolset 3 on the PATH.
# Then the app image's own launcher must print its version and pass `selftest`, or the build fails.
set -eu
version=${1:?usage: installer/build.sh VERSION}
out=target/installer

# A JDK 21+ with jlink and jpackage: JAVA_HOME first, then the usual places. Its version is read from its
# release file, so no JVM has to start to find out.
jdk=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/* \
        "/c/Program Files/Java/"* "/c/Program Files/Eclipse Adoptium/"*; do
    [ -n "$home" ] && [ -x "$home/bin/jpackage" ] && [ -x "$home/bin/jlink" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then jdk=$home; break; fi
done
if [ -z "$jdk" ]; then
    echo "installer: needs a JDK 21+ with jlink and jpackage; set JAVA_HOME to one" >&2
    exit 2
fi
echo "installer: using $jdk"

case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    MINGW*|MSYS*|CYGWIN*) os=windows ;;
    *) echo "installer: unsupported system $(uname -s)" >&2; exit 2 ;;
esac

# 0. sqlite-jdbc carries its native library for six systems and eight processors (14 MB); the image runs
#    on one, so the others are dropped (the jar is rebuilt with the JDK's own jar tool).
arch=$(uname -m)
case "$os" in linux) native=Linux ;; macos) native=Mac ;; windows) native=Windows ;; esac
[ "$arch" = arm64 ] && arch=aarch64
sqlite=$(ls "$out"/input/lib/sqlite-jdbc-*.jar 2>/dev/null | head -1)
if [ -n "$sqlite" ] && [ -d "$out/input/lib" ]; then
    rm -rf "$out/sqlite"
    mkdir -p "$out/sqlite"
    (cd "$out/sqlite" && "$jdk/bin/jar" --extract --file "$OLDPWD/$sqlite")
    for dir in "$out"/sqlite/org/sqlite/native/*/ "$out"/sqlite/org/sqlite/native/*/*/; do
        case "$dir" in
            */native/$native/|*/native/$native/$arch/) ;;
            */native/$native/*/) rm -rf "$dir" ;;
            */native/*/) case "$dir" in */native/$native/*) ;; *) rm -rf "$dir" ;; esac ;;
        esac
    done
    rm -f "$sqlite"
    "$jdk/bin/jar" --create --file "$sqlite" --manifest "$out/sqlite/META-INF/MANIFEST.MF" -C "$out/sqlite" .
    rm -rf "$out/sqlite"
fi

# 1. The runtime: only the modules the app needs (installer/jlink.args).
rm -rf "$out/runtime" "$out/Storyline" "$out/Storyline.app"
# No class-data archive (jlink's --generate-cds-archive): with WebKit in the image it would take the
# image from 134 MiB to 147 MiB, too close to the 150 MB budget (see the README's Decisions).
"$jdk/bin/jlink" @installer/jlink.args --output "$out/runtime"

# 2. The app image. The app stays on the class path: Rome and several others are automatic modules.
"$jdk/bin/jpackage" @installer/jpackage-common.args @installer/launcher.args @installer/$os-image.args --type app-image \
    --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out"

case $os in
    linux) image="$out/Storyline"; launcher="$image/bin/Storyline"; appdir="$image/lib/app" ;;
    macos) image="$out/Storyline.app"; launcher="$image/Contents/MacOS/Storyline"; appdir="$image/Contents/app" ;;
    windows) image="$out/Storyline"; launcher="$image/Storyline.exe"; appdir="$image/app" ;;
esac

# 3. No trained class cache in the image either: an AOT cache of the self-test's classes is 46 MB.

# 4. The smoke test: the packaged launcher itself, with a fresh data folder.
"$launcher" --version
"$launcher" --data "$out/smoke-data" selftest
"$launcher" --data "$out/smoke-data" search storyline
rm -rf "$out/smoke-data"

# 5. Packages from the tested image.
types=""
case $os in
    linux)
        command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null && types="deb"
        command -v rpmbuild >/dev/null && types="$types rpm"
        [ -n "$types" ] || echo "installer: no dpkg-deb+fakeroot or rpmbuild here; app image only" >&2 ;;
    macos) types=dmg ;;
    windows) types=msi ;;
esac
for type in $types; do
    "$jdk/bin/jpackage" @installer/jpackage-common.args @installer/$os.args --type "$type" \
        --app-version "$version" --app-image "$image" --dest "$out"
done
du -sh "$image" "$out"/*.deb "$out"/*.rpm "$out"/*.dmg "$out"/*.msi 2>/dev/null || true
