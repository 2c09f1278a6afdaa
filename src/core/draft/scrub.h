/* Scrubbing the public post (scrub.c): nothing that identifies or locates the buyer,
 * and not the full order number, may leave in it, whatever a custom template or the
 * buyer's own description says. */
#ifndef DISPUTE_SCRUB_H
#define DISPUTE_SCRUB_H

/* The buyer's private facts as recorded; NULL members are not recorded. */
struct private_facts {
	const char *phone, *id_number, *address, *order_id;
};

/* Masks in *TEXT (valid UTF-8, replaced by a new malloc'd string that is valid UTF-8
 * too) the recorded phone, ID number and address ("***") and the full order number
 * (its masked form, mask_order_id), however the buyer typed them: full-width digits
 * and letters, either case, spaces or dashes of any width between the characters.
 * The address is masked also when only its end is typed (see mask_address). Then
 * every other ID number (17 digits and a digit or X) and mobile number (11 digits
 * from 13 to 19) is masked with one * a character. Each kind of mask is warned about.
 * DISPUTE_FAILED only when memory runs out. */
int scrub_public_post(const struct private_facts *facts, char **text);

#endif
