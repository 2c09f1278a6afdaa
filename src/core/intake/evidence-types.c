/* Which file types each evidence kind accepts, the type a file is recorded as, and the
 * extension each type is stored under. The extension table is written here because
 * libmagic's MAGIC_EXTENSION knows no extension for common evidence types (MP3, M4A,
 * PDF, plain text, CSV).
 *
 * Every evidence file is linked from the dossier's page, and a browser opens a linked
 * file by its extension. No evidence may therefore be stored under a name that makes it
 * a web document (HTML, XML, SVG): its scripts would run in the reader's browser. */
#include <fnmatch.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "dispute/evidence.h"
#include "dispute/i18n.h"

/* A platform's order export is a CSV, which libmagic calls text/plain or text/csv. */
static const char *const order_types[] = {
	"image/*", "application/pdf", "text/html", "text/csv", "text/plain", NULL
};
/* Exported chat logs come as text of every flavour (libmagic often says text/csv);
 * screen recordings of a chat are videos. */
static const char *const chat_types[] = {
	"image/*", "text/*", "application/pdf", "video/*", NULL
};
static const char *const defect_types[] = { "image/*", "video/*", NULL };
static const char *const paper_types[] = { "image/*", "application/pdf", NULL };
static const char *const logistics_types[] = {
	"image/*", "application/pdf", "text/html", NULL
};
static const char *const audio_types[] = { "audio/*", NULL };
static const char *const listing_types[] = { "image/*", "application/pdf", "video/*", NULL };
/* Word documents as people have them: .docx, the older .doc, and OpenDocument .odt. */
#define WORD_TYPES "application/vnd.openxmlformats-officedocument.wordprocessingml.document", \
	"application/msword", "application/vnd.oasis.opendocument.text"
static const char *const contract_types[] = { "image/*", "application/pdf", WORD_TYPES, NULL };
static const char *const report_types[] = { "image/*", "application/pdf", WORD_TYPES, NULL };
static const char *const other_types[] = {
	"image/*", "video/*", "audio/*", "text/*", "application/pdf", WORD_TYPES, NULL
};

const struct evidence_form evidence_forms[] = {
	{ "original", "原件", "original" },
	{ "copy", "复印件", "copy" },
	{ "electronic", "电子数据", "electronic data" },
	{ NULL, NULL, NULL }
};

const struct evidence_form *
evidence_form_find(const char *name)
{
	const struct evidence_form *f;

	for (f = evidence_forms; name != NULL && f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const struct evidence_kind evidence_kinds[] = {
	{ "order", "订单截图", "order screenshot", "购物平台订单页面", "the platform's order page",
	  "购买事实、商品信息、价格及下单时间", "the purchase, the product, the price and the date",
	  order_types, N_("images, PDF, HTML or a CSV export"), "electronic" },
	{ "chat", "聊天记录", "chat record", "与商家或平台客服的聊天记录",
	  "chat with the merchant or platform support",
	  "已就商品问题与商家协商及其答复", "the buyer raised the problem and how it was answered",
	  chat_types, N_("images, text, PDF, HTML or videos"), "electronic" },
	{ "defect", "商品问题照片/视频", "photo or video of the defect", "消费者自行拍摄",
	  "taken by the buyer", "商品存在的问题", "the problem with the goods",
	  defect_types, N_("images and videos"), "electronic" },
	{ "receipt", "付款凭证", "payment record", "支付平台付款记录", "the payment service",
	  "付款事实及金额", "the payment and its amount", paper_types, N_("images or PDF"),
	  "electronic" },
	{ "logistics", "物流记录", "delivery record", "快递公司物流信息", "the carrier's tracking",
	  "发货、签收时间及物流情况", "dispatch and delivery dates", logistics_types,
	  N_("images, PDF or HTML"), "electronic" },
	{ "medical", "医疗诊断材料", "medical record", "医疗机构", "the hospital or clinic",
	  "使用商品后造成的人身损害及医疗费用", "harm to health after using the goods and its cost",
	  paper_types, N_("images or PDF"), "copy" },
	{ "communication-audio", "通话录音", "call recording", "消费者录制的通话录音",
	  "recorded by the buyer", "与商家或平台沟通的内容", "what was said with the merchant or platform",
	  audio_types, N_("audio"), "electronic" },
	/* Who the seller is and what it claimed: captured before the shop changes or
	 * vanishes (the capture checklist of `dispute status --checklist`). */
	{ "licence", "营业执照", "business licence", "网店页面公示的营业执照信息",
	  "the licence the shop page displays", "经营者的名称、统一社会信用代码和住所",
	  "the seller's legal name, credit code and address", paper_types,
	  N_("images or PDF"), "electronic" },
	{ "listing", "商品详情页/快照", "product page or snapshot", "购物平台商品页面",
	  "the platform's product page", "商家对商品的宣传和描述",
	  "what the seller claimed about the goods", listing_types,
	  N_("images, PDF or videos"), "electronic" },
	{ "livestream", "直播回放", "live-stream replay", "直播回放或录屏",
	  "the replay or a screen recording", "主播对商品的介绍和承诺",
	  "what the streamer said about the goods", defect_types, N_("images and videos"),
	  "electronic" },
	/* Papers with their own author: the contract (书证) and an inspection or expert
	 * report (鉴定意见), whose source is the testing body, not the buyer. */
	{ "contract", "合同/协议", "contract or agreement", "合同双方签订", "signed by the parties",
	  "双方约定的商品、价款、质量标准及违约责任",
	  "what was agreed on the goods, the price, the quality and the remedies", contract_types,
	  N_("images, PDF or Word documents (.docx, .doc, .odt)"), "copy" },
	{ "report", "检验/鉴定报告", "inspection or expert report", "检验检测或鉴定机构出具",
	  "issued by the testing or expert body", "商品的质量、成分或材质与约定或标准不符",
	  "that the goods' quality, content or material falls short of what was promised",
	  report_types, N_("images, PDF or Word documents"), "copy" },
	{ "other", "其他证据", "other evidence", "消费者提供", "provided by the buyer", "相关事实",
	  "related facts", other_types, N_("images, videos, audio, text, PDF or Word documents"),
	  "electronic" },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
};

const struct evidence_kind *
evidence_kind_find(const char *name)
{
	const struct evidence_kind *k;

	for (k = evidence_kinds; k->name != NULL; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

const char *
evidence_type_refused(const char *mime)
{
	/* An SVG is a document that runs its scripts when opened, not a photo; the image
	 * patterns of the allow-lists would otherwise let it in as one. */
	if (strcmp(mime, "image/svg+xml") == 0 || strcmp(mime, "image/svg") == 0)
		return N_("an SVG picture can carry scripts that would run in the reader's "
		    "browser; convert it to PNG or JPEG first");
	/* A zip of screenshots hides the pictures from the page, the list and the reader:
	 * each picture is an exhibit of its own. */
	if (strcmp(mime, "application/zip") == 0 || strcmp(mime, "application/x-7z-compressed") == 0 ||
	    strcmp(mime, "application/x-rar") == 0 || strcmp(mime, "application/vnd.rar") == 0 ||
	    strcmp(mime, "application/gzip") == 0 || strcmp(mime, "application/x-tar") == 0)
		return N_("an archive is not evidence anyone can read as it is; unpack it and add "
		    "the pictures (or other files) themselves, e.g. dispute add-evidence -k chat "
		    "folder/*.png");
	return NULL;
}

int
evidence_kind_allows(const struct evidence_kind *kind, const char *mime)
{
	int i;

	if (evidence_type_refused(mime) != NULL)
		return 0;
	for (i = 0; kind->allowed[i] != NULL; i++)
		if (fnmatch(kind->allowed[i], mime, 0) == 0)
			return 1;
	return 0;
}

/* Markup that a browser runs, which libmagic also finds in a chat log that merely
 * quotes "<script>" or "<img src=...>": kept as plain text, byte for byte. */
static const char *const markup_types[] = {
	"text/html", "text/xml", "application/xml", "application/xhtml+xml", NULL
};

const char *
evidence_recorded_type(const char *mime)
{
	int i;

	for (i = 0; markup_types[i] != NULL; i++)
		if (strcmp(mime, markup_types[i]) == 0)
			return "text/plain";
	return mime;
}

struct type_extension {
	const char *mime;
	const char *preferred;
	const char *also; /* other extensions that name the same type, '/'-separated */
	const char *kept; /* of those, the one a file named so keeps instead of PREFERRED */
};

static const struct type_extension type_extensions[] = {
	{ "image/jpeg", "jpg", "jpeg/jpe/jfif", "" },
	{ "image/png", "png", "", "" },
	{ "image/gif", "gif", "", "" },
	{ "image/webp", "webp", "", "" },
	{ "image/heic", "heic", "heif", "" },
	{ "image/heif", "heif", "heic", "" },
	{ "image/bmp", "bmp", "", "" },
	{ "image/tiff", "tif", "tiff", "" },
	{ "video/mp4", "mp4", "m4v", "" },
	{ "video/quicktime", "mov", "qt", "" },
	{ "video/webm", "webm", "", "" },
	{ "video/x-matroska", "mkv", "", "" },
	{ "video/3gpp", "3gp", "", "" },
	{ "video/x-msvideo", "avi", "", "" },
	{ "audio/mpeg", "mp3", "", "" },
	{ "audio/x-m4a", "m4a", "mp4/aac", "" },
	{ "audio/mp4", "m4a", "mp4/aac", "" },
	{ "audio/x-wav", "wav", "", "" },
	{ "audio/wav", "wav", "", "" },
	{ "audio/amr", "amr", "", "" },
	{ "audio/ogg", "ogg", "opus/oga", "" },
	{ "audio/flac", "flac", "", "" },
	{ "audio/x-flac", "flac", "", "" },
	{ "application/pdf", "pdf", "", "" },
	{ "text/plain", "txt", "text/log/md/csv", "csv" },
	{ "text/csv", "csv", "txt", "" },
	{ "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "",
	  "" },
	{ "application/msword", "doc", "", "" },
	{ "application/vnd.oasis.opendocument.text", "odt", "", "" },
	{ "application/json", "json", "", "" },
	{ NULL, NULL, NULL, NULL }
};

/* Whether EXT is one of the '/'-separated names in LIST, ignoring case. */
static int
in_list(const char *list, const char *ext)
{
	size_t len = strlen(ext);

	while (*list != '\0') {
		size_t n = strcspn(list, "/");

		if (n == len && strncasecmp(list, ext, n) == 0)
			return 1;
		list += n + (list[n] == '/');
	}
	return 0;
}

/* An extension taken over from the user's file name must be short and plain, and not
 * one that a browser opens as a web document. */
static int
plain_extension(const char *ext)
{
	size_t n = strlen(ext);

	return n > 0 && n <= 8 && strspn(ext, "abcdefghijklmnopqrstuvwxyz0123456789") == n &&
	    !in_list("html/htm/shtml/xhtml/xht/mht/mhtml/xml/xsl/xslt/svg/svgz", ext);
}

const char *
evidence_extension(const char *mime, const char *original_ext, int *mismatch)
{
	const struct type_extension *t;
	int has_ext = original_ext != NULL && original_ext[0] != '\0';

	*mismatch = 0;
	for (t = type_extensions; t->mime != NULL; t++) {
		if (strcmp(t->mime, mime) != 0)
			continue;
		if (has_ext && strcasecmp(original_ext, t->preferred) != 0 &&
		    !in_list(t->also, original_ext))
			*mismatch = 1;
		/* A CSV is plain text to libmagic, and a spreadsheet opens it by its name. */
		if (has_ext && t->kept[0] != '\0' && strcasecmp(original_ext, t->kept) == 0)
			return t->kept;
		return t->preferred;
	}
	/* A type this table does not know: keep the user's extension if it is plain,
	 * since guessing one would be worse. */
	if (has_ext && plain_extension(original_ext))
		return original_ext;
	return strncmp(mime, "text/", 5) == 0 ? "txt" : "bin";
}
