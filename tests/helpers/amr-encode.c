/* amr-encode: raw 16-bit little-endian mono PCM at 8 kHz on stdin to an AMR-NB file
 * (RFC 4867 storage format, "#!AMR\n" then 12.2 kbit/s frames) on stdout, with
 * opencore-amrnb, the encoder Android phones' call recorders use. Debian's ffmpeg reads
 * AMR but cannot write it, so cli/t-media makes its call recordings with this. */
#include <stdio.h>

#include <opencore-amrnb/interf_enc.h>

#define FRAME_SAMPLES 160 /* 20 ms at 8 kHz */

int
main(void)
{
	void *enc = Encoder_Interface_init(0);
	unsigned char pcm[FRAME_SAMPLES * 2], out[64];
	short speech[FRAME_SAMPLES];
	size_t got;
	int i, n;

	if (enc == NULL || fwrite("#!AMR\n", 1, 6, stdout) != 6)
		return 1;
	while ((got = fread(pcm, 1, sizeof pcm, stdin)) > 0) {
		for (i = 0; i < FRAME_SAMPLES; i++)
			speech[i] = (size_t)(2 * i + 1) < got ?
			    (short)(pcm[2 * i] | pcm[2 * i + 1] << 8) : 0;
		n = Encoder_Interface_Encode(enc, MR122, speech, out, 0);
		if (n <= 0 || fwrite(out, 1, (size_t)n, stdout) != (size_t)n)
			return 1;
	}
	Encoder_Interface_exit(enc);
	return fflush(stdout) != 0;
}
