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

# 1. The runtime: only the modules the app needs (installer/jlink.args).
rm -rf "$out/runtime" "$out/Storyline" "$out/Storyline.app"
# JDK 25+ gets an AOT cache in step 3, which holds the JDK's classes too; older JDKs need the base CDS
# archive under their dynamic one. Native debug symbols are dropped where objcopy can do it.
extra=""
[ "$major" -ge 25 ] || extra="--generate-cds-archive"
[ $os = linux ] && command -v objcopy >/dev/null && extra="$extra --strip-native-debug-symbols exclude-debuginfo-files"
"$jdk/bin/jlink" @installer/jlink.args $extra --output "$out/runtime"

# 2. The app image. The app stays on the class path: Rome and several others are automatic modules.
"$jdk/bin/jpackage" @installer/jpackage-common.args @installer/launcher.args @installer/$os-image.args --type app-image \
    --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out"

case $os in
    linux) image="$out/Storyline"; launcher="$image/bin/Storyline"; appdir="$image/lib/app" ;;
    macos) image="$out/Storyline.app"; launcher="$image/Contents/MacOS/Storyline"; appdir="$image/Contents/app" ;;
    windows) image="$out/Storyline"; launcher="$image/Storyline.exe"; appdir="$image/app" ;;
esac

# 3. A class cache trained by the self-test, so the window and commands start faster: an AOT cache
#    (JEP 483/514) on JDK 25+; older JDKs use jlink's base CDS archive only. A JVM that cannot use the
#    cache (say, a moved image it does not accept) starts without it.
rt="$out/runtime/bin/java"
cp=$(sed -n 's/^app.classpath=//p' "$appdir/Storyline.cfg" | sed "s#\$APPDIR#$appdir#g" | paste -sd: -)
if [ "$major" -ge 25 ]; then
    "$rt" -XX:AOTCacheOutput="$appdir/storyline.aot" -Xlog:aot=off -Xlog:cds=off -cp "$cp" \
        app.storyline.app.Main --data "$out/train-data" selftest --quiet >/dev/null 2>&1 || rm -f "$appdir/storyline.aot"
    [ -f "$appdir/storyline.aot" ] && sed -i.bak 's#^\[JavaOptions\]$#[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/storyline.aot\njava-options=-Xlog:aot=off\njava-options=-Xlog:cds=off#' "$appdir/Storyline.cfg"
fi
rm -rf "$out/train-data" "$appdir/Storyline.cfg.bak"

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
