# Screenshots made the way a phone makes them, for the tests and bench/run of reading
# (cli/t-read, cli/t-public-screens): 1080×2400 PNGs drawn by ImageMagick with the Noto
# Sans CJK font, in the layouts of a Douyin/Taobao order page, a chat with the shop's
# customer service, a tracking page, and a business licence as the shop page displays
# it, plus a photo
# of a printed licence taken at an angle. Sourced by sh scripts; each function writes
# the file it is given. The values drawn are the ones below, so that a test can check
# what was read against them.
SCREEN_FONT=${SCREEN_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
SCREEN_ORDER_ID=6938472910384756102
SCREEN_AMOUNT=199.00
SCREEN_DATE=2026-09-28
SCREEN_SHOP=优品数码旗舰店
SCREEN_BUYER=张三
SCREEN_BUYER_PHONE=13812345678
SCREEN_BUYER_ADDRESS=北京市朝阳区建国路88号院3号楼1单元502
SCREEN_OTHER_PHONE=13987654321
SCREEN_COMPANY=深圳市优品电子科技有限公司
SCREEN_CODE_BASE=91440300MA5FXK3T2
SCREEN_ADDRESS=深圳市南山区科技园南路18号
SCREEN_REPRESENTATIVE=李建国
SCREEN_REFUSAL=该商品已拆封使用，不支持退货退款
SCREEN_RECEIVED=2026-10-03

# The check character of an 18-character unified social credit code (GB 32100-2015)
# for its first 17: weights 3^i mod 31, check = 31 - sum mod 31.
credit_code() {
	printf '%s' "$1" | awk '{
		cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"; w = 1; s = 0
		for (i = 1; i <= 17; i++) {
			s += (index(cs, substr($0, i, 1)) - 1) * w
			w = (w * 3) % 31
		}
		c = (31 - s % 31) % 31
		printf "%s%s", $0, substr(cs, c + 1, 1)
	}'
}
SCREEN_CODE=$(credit_code "$SCREEN_CODE_BASE")

# screen_order FILE: the order page (订单详情) of a shop on a shopping app.
screen_order() {
	convert -size 1080x2400 xc:'#f4f4f4' -font "$SCREEN_FONT" \
	    -fill white -draw 'rectangle 0,0 1080,170' \
	    -fill '#222222' -pointsize 46 -annotate +420+115 '订单详情' \
	    -fill '#ff5000' -draw 'rectangle 0,170 1080,400' \
	    -fill white -pointsize 52 -annotate +60+280 '交易成功' \
	    -pointsize 32 -annotate +60+350 '商品已签收，如有问题可申请售后' \
	    -fill white -draw 'roundrectangle 30,430 1050,720 24,24' \
	    -fill '#222222' -pointsize 38 -annotate +70+500 "收货人：$SCREEN_BUYER  $SCREEN_BUYER_PHONE" \
	    -fill '#555555' -pointsize 34 -annotate +70+580 "$SCREEN_BUYER_ADDRESS" \
	    -fill white -draw 'roundrectangle 30,750 1050,1280 24,24' \
	    -fill '#222222' -pointsize 38 -annotate +70+830 "$SCREEN_SHOP" \
	    -fill '#dddddd' -draw 'rectangle 70,880 290,1100' \
	    -fill '#222222' -pointsize 34 -annotate +320+930 '20000毫安充电宝 快充版' \
	    -fill '#888888' -pointsize 30 -annotate +320+990 '颜色：白色  数量：1' \
	    -fill '#222222' -pointsize 38 -annotate +70+1220 "实付款 ¥$SCREEN_AMOUNT" \
	    -fill white -draw 'roundrectangle 30,1310 1050,1760 24,24' \
	    -fill '#555555' -pointsize 34 \
	    -annotate +70+1390 "订单编号：$SCREEN_ORDER_ID" \
	    -annotate +70+1470 "下单时间：$SCREEN_DATE 20:15:33" \
	    -annotate +70+1550 '支付方式：微信支付' \
	    -annotate +70+1630 '配送方式：普通快递' \
	    -fill white -draw 'rectangle 0,2240 1080,2400' \
	    -fill '#222222' -pointsize 36 -annotate +620+2335 '申请售后' -annotate +850+2335 '联系商家' \
	    "$1"
}

# screen_chat FILE: the chat with the shop's customer service, the shop's messages on
# the left beside its avatar, the buyer's on the right, each bubble as wide as its text,
# the time centred above them.
screen_chat() {
	convert -size 1080x2400 xc:'#ededed' -font "$SCREEN_FONT" \
	    -fill white -draw 'rectangle 0,0 1080,170' \
	    -fill '#222222' -pointsize 44 -annotate +330+115 "$SCREEN_SHOP客服" \
	    -fill '#999999' -pointsize 30 -annotate +420+300 '2026-10-05 14:30' \
	    -fill '#95ec69' -draw 'roundrectangle 450,340 930,520 16,16' \
	    -fill '#4a90e2' -draw 'rectangle 950,340 1040,430' \
	    -fill '#e8a33d' -draw 'rectangle 40,580 130,670' \
	    -fill white -draw 'roundrectangle 150,580 700,690 16,16' \
	    -fill '#95ec69' -draw 'roundrectangle 560,750 930,860 16,16' \
	    -fill '#4a90e2' -draw 'rectangle 950,750 1040,840' \
	    -fill '#999999' -pointsize 30 -annotate +420+980 '2026-10-05 14:32' \
	    -fill '#e8a33d' -draw 'rectangle 40,1030 130,1120' \
	    -fill white -draw 'roundrectangle 150,1030 820,1140 16,16' \
	    -fill '#e8a33d' -draw 'rectangle 40,1200 130,1290' \
	    -fill white -draw 'roundrectangle 150,1200 670,1310 16,16' \
	    -fill '#111111' -pointsize 38 \
	    -annotate +180+650 '亲，请提供订单号和联系电话' \
	    -annotate +180+1100 "$SCREEN_REFUSAL" \
	    -annotate +180+1270 "售后主管电话$SCREEN_OTHER_PHONE" \
	    -gravity NorthEast \
	    -annotate +180+372 '收到的充电宝无法充电，' -annotate +180+442 '我要退货退款 ' \
	    -annotate +180+782 "电话$SCREEN_BUYER_PHONE" \
	    -gravity NorthWest -fill white -draw 'rectangle 0,2260 1080,2400' \
	    -fill '#bbbbbb' -pointsize 34 -annotate +60+2345 '请输入消息' \
	    "$1"
}

# screen_logistics FILE: the tracking page (物流详情) of the order, newest event first.
screen_logistics() {
	convert -size 1080x2400 xc:white -font "$SCREEN_FONT" \
	    -fill '#222222' -pointsize 44 -annotate +400+115 '物流详情' \
	    -pointsize 36 -annotate +60+260 '中通快递  运单号 75312345678901' \
	    -fill '#ff5000' -pointsize 38 -annotate +100+420 '已签收' \
	    -fill '#222222' -pointsize 32 -annotate +100+480 '【北京市】快件已签收，签收人：本人' \
	    -fill '#888888' -annotate +100+530 "$SCREEN_RECEIVED 14:20:05" \
	    -fill '#222222' -pointsize 38 -annotate +100+650 '派送中' \
	    -pointsize 32 -annotate +100+710 '【北京市】快递员正在派送' \
	    -fill '#888888' -annotate +100+760 '2026-10-03 08:12:44' \
	    -fill '#222222' -pointsize 38 -annotate +100+880 '运输中' \
	    -pointsize 32 -annotate +100+940 '【深圳市】快件已发出' \
	    -fill '#888888' -annotate +100+990 '2026-09-29 21:03:10' \
	    "$1"
}

# screen_licence FILE [CODE]: the business licence (营业执照) as a shop's qualification
# page shows it, with the credit code CODE (default: $SCREEN_CODE).
screen_licence() {
	convert -size 1080x2400 xc:white -font "$SCREEN_FONT" \
	    -fill '#222222' -pointsize 44 -annotate +400+115 '店铺资质' \
	    -fill '#fbf7ee' -draw 'rectangle 40,220 1040,1700' \
	    -fill '#c0392b' -pointsize 72 -annotate +390+360 '营业执照' \
	    -fill '#222222' -pointsize 34 \
	    -annotate +80+480 "统一社会信用代码 ${2:-$SCREEN_CODE}" \
	    -annotate +80+580 "名称 $SCREEN_COMPANY" \
	    -annotate +80+680 '类型 有限责任公司' \
	    -annotate +80+780 "法定代表人 $SCREEN_REPRESENTATIVE" \
	    -annotate +80+880 '注册资本 壹佰万元整' \
	    -annotate +80+980 '成立日期 2019年03月12日' \
	    -annotate +80+1080 "住所 $SCREEN_ADDRESS" \
	    -annotate +80+1180 '经营范围 电子产品的销售' \
	    "$1"
}

# screen_licence_photo FILE: the licence printed and photographed at an angle, a little
# out of focus, as a JPEG.
screen_licence_photo() {
	screen_licence "$1.png"
	convert "$1.png" -crop 1000x1100+40+260 +repage -bordercolor '#8a8070' -border 60 \
	    -virtual-pixel background -background '#8a8070' \
	    -distort Perspective '0,0 40,30  1120,0 1060,0  0,1220 0,1220  1120,1220 1120,1180' \
	    -blur 0x0.8 -quality 90 "$1"
	rm -f "$1.png"
}

# screen_blurred FILE: an order page so blurred and dark that its text cannot be read
# with confidence.
screen_blurred() {
	screen_order "$1.png"
	convert "$1.png" -resize 25% -blur 0x2.5 -resize 400% -fill '#777777' -colorize 55 "$1"
	rm -f "$1.png"
}
