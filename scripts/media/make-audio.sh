#!/usr/bin/env bash
# Synthesises the narrated introductions (导读) of built-in lessons from the texts beside this
# script, with espeak-ng's Mandarin voice, as small mono MP3s under static/media/.
# Needs: apt-get install -y espeak-ng lame. A recorded narration can replace any file later.
set -euo pipefail
cd "$(dirname "$0")"
for txt in *.txt; do
	name="${txt%.txt}"
	espeak-ng -v cmn -s 150 -w "/tmp/$name.wav" -f "$txt"
	lame --quiet -m m -b 32 "/tmp/$name.wav" "../../static/media/$name.mp3"
	rm "/tmp/$name.wav"
done
