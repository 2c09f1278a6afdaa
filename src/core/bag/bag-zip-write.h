/* What the dossier writer takes from the verifier's zip reader: the zip's structure is
 * read by one parser (bag-zip-layout.c), whether it is judged or finished. */
#ifndef DISPUTE_BAG_ZIP_WRITE_H
#define DISPUTE_BAG_ZIP_WRITE_H

/* Sets the CRC of every WinZip AES entry of vendor version AE-2 to 0, in its central
 * record and its local header, in the finished zip open for writing on FD (at PATH, for
 * messages). The AE-2 format says so: the CRC of the plain text would let anyone
 * confirm a guess of an entry's content offline, and the AES record's own MAC
 * authenticates the data instead. libzip fills the CRC in. */
int bag_zip_clear_aes_crc(int fd, const char *path);

#endif
