/* Passwords for encrypted dossiers, from a file, the environment or the terminal, and
 * never from a command-line argument, where other users could read it. */
#ifndef DISPUTE_PASSWORD_H
#define DISPUTE_PASSWORD_H

/* The password from PASSWORD_FILE (its first line) when given, else $DISPUTE_PASSWORD,
 * else a no-echo prompt on the terminal (asked twice when CONFIRM). Fails with a message
 * when none of these is available. *PASSWORD is malloc'd; free it with password_free. */
int password_obtain(const char *password_file, int confirm, char **password);

/* Wipes and frees a password. Accepts NULL. */
void password_free(char *password);

#endif
