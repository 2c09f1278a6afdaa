# RFC 3161: pack writes DOSSIER.tsq over the tag manifest; verify --tsr checks a reply
# from a local timestamp authority (a throw-away CA made here with openssl).
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
expect 0 "pack another dossier" "$DISPUTE" -C c pack --date 2026-11-17 -o other.zip
expect 1 "a reply for another dossier is refused" "$DISPUTE" verify --tsr dossier.tsr --ca ca.pem other.zip
contains out "altered: tagmanifest-sha256.txt" "the tag manifest is named"
printf 'not a reply' >junk.tsr
expect 1 "a file that is not a reply is refused" "$DISPUTE" verify --tsr junk.tsr dossier.zip
contains err "not a timestamp reply" "the error says what is wrong with it"

finish
