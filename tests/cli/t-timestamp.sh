# RFC 3161: pack writes DOSSIER.tsq over the tag manifest; verify --tsr checks a reply
# from a local timestamp authority (a throw-away CA made here with openssl). Then the
# requests add-evidence writes, sent by `timestamp send` to that authority behind a
# small HTTP server on 127.0.0.1 (tsa-server.py), or taken by `timestamp attach`, and
# what verify makes of them in the case and in the dossier.
. "$TEST_LIB"

if ! command -v openssl >/dev/null 2>&1; then
	echo "SKIP: openssl(1) is needed to play the timestamp authority"
	finish
	exit $?
fi

# A throw-away CA and a timestamping certificate it signs.
cat >tsa.cnf <<'CONF'
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = dispute test
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign
[ tsa_ext ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = tsa.serial
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CONF
echo 01 >tsa.serial
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
    -subj "/CN=dispute test CA" -config tsa.cnf -extensions ca_ext 2>/dev/null &&
openssl req -newkey rsa:2048 -nodes -keyout tsa.key -out tsa.csr -subj "/CN=dispute test TSA" \
    -config tsa.cnf 2>/dev/null &&
openssl x509 -req -in tsa.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out tsa.pem -days 2 \
    -extfile tsa.cnf -extensions tsa_ext 2>/dev/null || { echo "cannot make the test CA"; exit 1; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 2 \
    -subj "/CN=another CA" -config tsa.cnf -extensions ca_ext 2>/dev/null || exit 1

reply() { # QUERY REPLY
	openssl ts -reply -config tsa.cnf -section tsa_config -queryfile "$1" -signer tsa.pem \
	    -inkey tsa.key -chain ca.pem -out "$2" 2>/dev/null
}

new_case c
"$DISPUTE" -q -C c add-evidence -k defect "$EVIDENCE/defect-photo.jpg" >/dev/null
expect 0 "pack" "$DISPUTE" -C c pack -o dossier.zip
check "pack wrote dossier.tsq beside the zip" test -s dossier.tsq
contains err "dossier.tsq" "pack says where the request is"
openssl ts -query -in dossier.tsq -text >query.txt 2>&1
contains query.txt "sha256" "the request uses SHA-256"
contains query.txt "Certificate required: yes" "the request asks for the authority's certificate"
unzip -p dossier.zip "*/tagmanifest-sha256.txt" | sha256sum | cut -c1-64 | tr -d '\n' >expected
# The "Message data" hex dump: offset, 16 bytes in hex, then their text; keep the hex.
sed -n 's/^ *[0-9a-f]\{4\} - \(.\{47\}\).*/\1/p' query.txt | tr -d ' \n-' >query.hex
same expected query.hex "the imprint is the SHA-256 of the tag manifest"

check "the local authority answers" reply dossier.tsq dossier.tsr
expect 0 "verify --tsr --ca accepts the reply" "$DISPUTE" verify --tsr dossier.tsr --ca ca.pem dossier.zip
contains err "vouches that this dossier existed at" "verify says what the timestamp proves"
expect 0 "verify --tsr without --ca checks the imprint only" "$DISPUTE" verify --tsr dossier.tsr dossier.zip
contains err "signature not checked" "and says the signature was not checked"
expect 1 "a reply signed outside the given CA is refused" "$DISPUTE" verify --tsr dossier.tsr --ca other.pem dossier.zip
contains out "does not match the timestamp reply" "the problem is reported as a dossier problem"

# Another dossier (another date): the first reply does not vouch for it.
expect 0 "pack another dossier" "$DISPUTE" -C c pack --date 2026-11-17 --force -o other.zip
expect 1 "a reply for another dossier is refused" "$DISPUTE" verify --tsr dossier.tsr --ca ca.pem other.zip
contains out "altered: tagmanifest-sha256.txt" "the tag manifest is named"
printf 'not a reply' >junk.tsr
expect 1 "a file that is not a reply is refused" "$DISPUTE" verify --tsr junk.tsr dossier.zip
contains err "not a timestamp reply" "the error says what is wrong with it"

# --- Trusted time at intake.
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is needed to serve the timestamp authority"
	finish
	exit $?
fi
new_case t
expect 0 "add-evidence writes a request" "$DISPUTE" -C t add-evidence -k defect \
    "$EVIDENCE/defect-photo.jpg"
contains err "t/timestamps/001.tsq: timestamp request for the files just added" \
    "add-evidence names the request"
contains err "dispute timestamp send URL" "and says how to send it"
contains err "curl -H 'Content-Type: application/timestamp-query' --data-binary @t/timestamps/001.tsq URL > reply.tsr" \
    "or how to send it without dispute"
line t/timestamps/001.txt "$(sha256sum <"$EVIDENCE/defect-photo.jpg" | cut -c1-64)  evidence/E01-defect.jpg" \
    "the list names the file added with its SHA-256"
check "the list checks with sha256sum -c from the case folder" \
    sh -c 'cd t && sha256sum -c --quiet timestamps/001.txt'
openssl ts -query -in t/timestamps/001.tsq -text >query.txt 2>&1
sha256sum <t/timestamps/001.txt | cut -c1-64 | tr -d '\n' >expected
sed -n 's/^ *[0-9a-f]\{4\} - \(.\{47\}\).*/\1/p' query.txt | tr -d ' \n-' >query.hex
same expected query.hex "the request's imprint is the SHA-256 of the list"
contains query.txt "Nonce: 0x" "the request carries a nonce"
# A request that cannot be written costs the batch its request, never the batch.
new_case u
mkdir elsewhere
ln -s "$PWD/elsewhere" u/timestamps
expect 0 "add-evidence with timestamps/ a link still adds the file" "$DISPUTE" -C u add-evidence \
    -k defect "$EVIDENCE/defect-photo.jpg"
contains err "u/timestamps: a symbolic link; the case's files must stay inside the case folder" \
    "the error says why no request was written"
contains err "warning: the files were added, but no timestamp request was written for them" \
    "and warns that the files are in without one"
contains out "E01-defect.jpg" "the item is added"
check "nothing is written through the link" test -z "$(ls -A elsewhere)"
rm u/timestamps
# A list left without its request (its write failed) keeps its number.
mkdir u/timestamps
echo stale >u/timestamps/001.txt
expect 0 "the next add-evidence" "$DISPUTE" -q -C u add-evidence -k order "$EVIDENCE/order-screenshot.png"
check "takes the next number" test -s u/timestamps/002.tsq -a -s u/timestamps/002.txt

expect 0 "a second add-evidence" "$DISPUTE" -q -C t add-evidence -k order \
    "$EVIDENCE/order-screenshot.png" "$EVIDENCE/invoice.pdf"
check "gets a request of its own" test -s t/timestamps/002.tsq
check "whose list names both of its files and nothing else" \
    sh -c '[ "$(cut -c67- t/timestamps/002.txt | tr "\n" " ")" = "evidence/E02-order.png evidence/E03-order.pdf " ]'
expect 0 "verify of the case before any reply" "$DISPUTE" verify t
contains err "2 timestamp request(s) without a reply yet; \`dispute timestamp send URL\` sends them" \
    "verify says the requests wait for their replies"
lacks out "E01" "and prints no line per item yet"
lacks err "signatures were not checked" "nor that signatures were not checked, as there is none"

# The local authority: a free port, chosen by the server, written to ./port.
python3 "$(dirname "$TEST_LIB")/tsa-server.py" port &
server=$!
trap 'kill "$server" 2>/dev/null; chmod -R u+w "$SCRATCH" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
tries=0
while [ ! -s port ] && [ "$tries" -lt 200 ] && kill -0 "$server" 2>/dev/null; do
	sleep 0.05
	tries=$((tries + 1))
done
check "the local authority listens" test -s port
URL=http://127.0.0.1:$(cat port)/tsa
printf 'other' >other.txt
openssl ts -query -data other.txt -sha256 -cert -no_nonce -out other.tsq 2>/dev/null

echo 500 >mode
expect 1 "an authority answering HTTP 500 is refused" "$DISPUTE" -C t timestamp send "$URL"
contains err "t/timestamps/001.tsq: $URL answered HTTP status 500" "the error names the request, the URL and the status"
check "no reply is kept" test ! -e t/timestamps/001.tsr
echo other >mode
expect 1 "a reply for another request is refused" "$DISPUTE" -C t timestamp send "$URL"
contains err "$URL: the timestamp does not match what it should vouch for" "the error says it does not match"
check "and it is not kept" test ! -e t/timestamps/001.tsr
echo huge >mode
expect 1 "a reply larger than 1 MiB is refused" "$DISPUTE" -C t timestamp send "$URL"
contains err "t/timestamps/001.tsq: no reply from $URL: the reply is larger than 1048576 bytes" \
    "the error says the reply is too large"
check "and nothing is kept" test ! -e t/timestamps/001.tsr
rm mode
expect 0 "timestamp send" "$DISPUTE" -C t timestamp send "$URL"
contains last-content-type "application/timestamp-query" "the query goes as application/timestamp-query"
contains err "t/timestamps/001.tsr: the timestamp authority vouches that the files of 001.txt existed at" \
    "send says what the first reply proves"
check "each reply is kept beside its request" test -s t/timestamps/001.tsr -a -s t/timestamps/002.tsr
expect 1 "nothing left to send is an error" "$DISPUTE" -C t timestamp send "$URL"
contains err "t/timestamps: no timestamp request is waiting for a reply" "that says so"

expect 0 "verify --ca of the case" "$DISPUTE" verify --ca ca.pem t
matches out "^E01 evidence/E01-defect.jpg: existed by 20[0-9-]{8} [0-9:]{8} UTC \(timestamp timestamps/001.tsr\)$" \
    "verify gives the first item's proven time and the reply"
matches out "^E03 evidence/E03-order.pdf: existed by .* \(timestamp timestamps/002.tsr\)$" \
    "and the items of the second request"
expect 0 "verify without --ca" "$DISPUTE" verify t
contains err "signatures were not checked" "says the signatures were not checked"
expect 1 "verify --ca of another CA refuses the replies" "$DISPUTE" verify --ca other.pem t
contains out "altered: timestamps/001.tsr: does not vouch for timestamps/001.txt" "naming the reply"
expect 0 "verify --json of the case" "$DISPUTE" verify --json --ca ca.pem t
matches out '"proven":[[:space:]]*"20[0-9-]{8} ' "the JSON gives the proven time"
contains out '"reply":	"timestamps/001.tsr"' "and the reply"

expect 0 "pack carries the timestamps" "$DISPUTE" -q -C t pack -o t.zip
unzip -l t.zip >listing
contains listing "data/timestamps/001.txt" "the dossier holds the list"
contains listing "data/timestamps/002.tsr" "and the replies"
expect 0 "verify --ca of the dossier" "$DISPUTE" verify --ca ca.pem t.zip
matches out "^E02 evidence/E02-order.png: existed by .* \(timestamp data/timestamps/002.tsr\)$" \
    "the dossier's items have their proven time"
expect 0 "verify --json of the dossier" "$DISPUTE" verify --json t.zip
contains out '"reply":	"data/timestamps/001.tsr"' "in JSON too"

# attach: a reply fetched by hand for the third request.
expect 0 "a third add-evidence" "$DISPUTE" -q -C t add-evidence -k chat "$EVIDENCE/chat-merchant.txt"
check "the authority answers by hand" reply t/timestamps/003.tsq by-hand.tsr
reply other.tsq foreign.tsr
expect 1 "attach of a foreign reply is refused" "$DISPUTE" -C t timestamp attach foreign.tsr
contains err "foreign.tsr: answers none of the timestamp requests in t/timestamps" "the error names the reply"
check "and nothing is kept" test ! -e t/timestamps/003.tsr
expect 1 "attach of a file that is no reply is refused" "$DISPUTE" -C t timestamp attach junk.tsr
contains err "junk.tsr: not a timestamp reply" "the error names the file"
expect 0 "timestamp attach" "$DISPUTE" -C t timestamp attach by-hand.tsr
same by-hand.tsr t/timestamps/003.tsr "the reply is kept beside its request, as it came"
expect 1 "attaching it twice is refused" "$DISPUTE" -C t timestamp attach by-hand.tsr
contains err "the request it answers has its reply already: t/timestamps/003.tsr" "naming the reply kept"
expect 0 "verify after attach" "$DISPUTE" verify t
matches out "^E04 evidence/E04-chat.txt: existed by " "the attached reply proves its item"
expect 0 "a fifth add-evidence" "$DISPUTE" -q -C t add-evidence -k defect "$EVIDENCE/no-power.mp4"
expect 0 "verify with one request without reply" "$DISPUTE" verify t
line out "E05 evidence/E05-defect.mp4: no proven time yet; its request timestamps/004.tsq has no reply" \
    "verify names the request an item waits on"
# A reply over the same list but to another request (another nonce): a replay.
openssl ts -query -data t/timestamps/004.txt -sha256 -cert -out replay.tsq 2>/dev/null
reply replay.tsq replay.tsr
expect 1 "attach of a reply to another request for the same list is refused" \
    "$DISPUTE" -C t timestamp attach replay.tsr
contains err "replay.tsr: the timestamp does not match what it should vouch for or is not valid: nonce mismatch" \
    "the error names the reply and the nonce"
check "and it is not kept" test ! -e t/timestamps/004.tsr
chmod u+w t/timestamps/004.txt
cp t/timestamps/004.txt list.bak
echo "not a list line" >>t/timestamps/004.txt
expect 1 "verify refuses a list with a line that is not a sha256sum line" "$DISPUTE" verify t
contains out "malformed: timestamps/004.txt: a line that is not" "naming the list"
cp list.bak t/timestamps/004.txt
# A case from before requests were written at intake.
chmod -R u+w c/timestamps && rm -r c/timestamps
expect 0 "verify --json of a case with evidence but no timestamps" "$DISPUTE" verify --json c
contains out '"timestamps":	[]' "lists no item"
expect 0 "verify of that case" "$DISPUTE" verify c
lacks out "E01" "prints no line per item"

# A list changed after the fact no longer matches its reply.
chmod u+w t/timestamps/003.txt
printf '%s  evidence/E09-defect.jpg\n' "$(printf x | sha256sum | cut -c1-64)" >>t/timestamps/003.txt
expect 1 "verify refuses a reply whose list was changed" "$DISPUTE" verify t
contains out "altered: timestamps/003.tsr" "naming the reply"
lacks out "E04 evidence/E04-chat.txt: existed by" "and the item loses its proven time"

# An authority that cannot be reached.
kill "$server"
wait "$server" 2>/dev/null
expect 1 "an unreachable authority is an error" "$DISPUTE" -C t timestamp send "$URL"
contains err "t/timestamps/004.tsq: no reply from $URL: Failed to connect to 127.0.0.1" "naming the request, the URL and why"
check "nothing is kept" test ! -e t/timestamps/004.tsr
expect 2 "an address that is not http(s) is a usage error" "$DISPUTE" -C t timestamp send file:///etc/passwd
expect 2 "an unknown subcommand is a usage error" "$DISPUTE" -C t timestamp fetch x

finish
