#!/bin/sh
# A real screen reader on the chart: Orca 43 reading Firefox ESR under Xvfb, keys sent by xdotool,
# speech read from Orca's debug log (orca-logged.py: nothing is spoken aloud). For each language it
# loads tests/e2e/pages/screen-reader.html, presses Tab (the skip link), Tab (the chart), three
# arrows, Enter and Escape, and writes what Orca said after each key to
# docs/transcripts/orca-firefox-<lang>.txt. `make test-screen-reader`; about 40 s.
# Needs: orca xvfb at-spi2-core dbus-x11 xdotool python3-pyatspi firefox-esr.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
OUT="$ROOT/docs/transcripts"
mkdir -p "$OUT"
export DISPLAY=:97 GTK_MODULES=gail:atk-bridge NO_AT_BRIDGE=0 GNOME_ACCESSIBILITY=1
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

Xvfb "$DISPLAY" -screen 0 1280x1000x24 >/dev/null 2>&1 & PIDS="$PIDS $!"
sleep 1
eval "$(dbus-launch --sh-syntax)"; PIDS="$PIDS $DBUS_SESSION_BUS_PID"
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & PIDS="$PIDS $!"
sleep 1
: > "$WORK/serve.log"
python3 "$ROOT/.ci/serve.py" --port 0 > "$WORK/serve.log" 2>&1 & PIDS="$PIDS $!"
for i in 1 2 3 4 5 6 7 8 9 10; do grep -q serving "$WORK/serve.log" && break; sleep 0.5; done
URL=$(sed -n 's/.*serving \(http:[^ ]*\).*/\1/p' "$WORK/serve.log" | head -1)

for LANG_ASKED in zh en; do
  RUN="$WORK/$LANG_ASKED"
  mkdir -p "$RUN/home" "$RUN/profile"
  echo 'user_pref("browser.newtab.preload", false); user_pref("browser.shell.checkDefaultBrowser", false); user_pref("datareporting.policy.dataSubmissionEnabled", false); user_pref("browser.aboutwelcome.enabled", false);' > "$RUN/profile/user.js"
  HOME="$RUN/home" /usr/bin/python3 "$ROOT/tests/screen-reader/orca-logged.py" --debug-file "$RUN/orca.log" >/dev/null 2>&1 & ORCA=$!
  sleep 4
  HOME="$RUN/home" firefox-esr --no-remote --profile "$RUN/profile" --width 1200 --height 950 "${URL}e2e/screen-reader.html?lang=$LANG_ASKED" >/dev/null 2>&1 & FIREFOX=$!
  PIDS="$PIDS $ORCA $FIREFOX"
  sleep 10
  WINDOW=$(xdotool search --onlyvisible --class firefox | tail -1)
  xdotool windowfocus --sync "$WINDOW" 2>/dev/null || true
  sleep 2 # the first announcement changes if keys come before the window has settled
  # Orca writes its log at its own offset: note where it stands before each key, never write into it.
  : > "$RUN/keys.txt"
  for KEY in Tab Tab Down Down Down Return Escape; do
    echo "$(wc -l < "$RUN/orca.log") $KEY" >> "$RUN/keys.txt"
    xdotool key --window "$WINDOW" "$KEY"
    sleep 1.5
  done
  sleep 1
  echo "$(wc -l < "$RUN/orca.log") end" >> "$RUN/keys.txt" # what Orca says when it is stopped is not the page's
  kill "$FIREFOX" "$ORCA" 2>/dev/null || true
  sleep 1
  {
    echo "# Orca $(orca --version 2>/dev/null | sed 's/^orca //') reading $(firefox-esr --version 2>/dev/null), tests/e2e/pages/screen-reader.html?lang=$LANG_ASKED."
    echo "# Written by tests/screen-reader/run.sh (make test-screen-reader): each key, then each utterance Orca logged for it."
    awk 'NR == FNR { at[++n] = $1; key[n] = $2; next }
         { while (k < n && FNR > at[k + 1]) { k++; if (key[k] != "end") print "key: " key[k] } }
         k > 0 && key[k] != "end" && /SPEECH OUTPUT:/ { sub(/.*SPEECH OUTPUT: /, "  says: "); sub(/ ?\{.*$/, ""); sub(/ ?ACSS.*$/, ""); sub(/ voice=[a-z]+$/, ""); print }' "$RUN/keys.txt" "$RUN/orca.log"
  } > "$OUT/orca-firefox-$LANG_ASKED.txt"
  cat "$OUT/orca-firefox-$LANG_ASKED.txt"
  # What a reader must hear: each step once, the details once, the close once.
  T="$OUT/orca-firefox-$LANG_ASKED.txt"
  if [ "$LANG_ASKED" = zh ]; then STEP='第[123]项，共4项：'; DETAILS='详情：'; CLOSED='已关闭详情'; else STEP='Item [123] of 4: '; DETAILS='Details: '; CLOSED='Details closed'; fi
  check() { n=$(grep -c "says: '$1" "$T" || true); [ "$n" = "$2" ] || { echo "test-screen-reader: $LANG_ASKED: '$1' said $n times, expected $2" >&2; exit 1; }; }
  check "$STEP" 3
  check "$DETAILS" 1
  check "$CLOSED" 1
  grep -q "List with 4 items" "$T" || { echo "test-screen-reader: $LANG_ASKED: Orca did not meet a list" >&2; exit 1; }
done
echo "test-screen-reader: Orca heard each step, the details and the close once, in both languages"
