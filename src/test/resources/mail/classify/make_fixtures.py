#!/usr/bin/env python3
"""Writes the generated mails of the classification test set (see README.md).

Run from this folder: python3 make_fixtures.py. Output is deterministic (fixed dates, ids, boundaries).
Headers imitate what QQ Mail, 163 (Coremail), Outlook, list servers and bulk senders really write;
every address is on a reserved example domain or a big provider's public domain, never a real mailbox.
"""
import base64, quopri, pathlib

FORMS = pathlib.Path("../../forms")
OFFICE = "jnzx_zzyfk@gd.gov.cn"
TRUSTED_AR = "mx.gd.gov.cn"
out = pathlib.Path(".")
n = [0]

def b64(text, charset):
    return base64.b64encode(text.encode(charset)).decode()

def word(text, charset="utf-8"):
    return "=?%s?B?%s?=" % (charset, b64(text, charset))

def wrap(data):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))

def text_part(body, charset="utf-8", subtype="plain", cte="base64"):
    if cte == "base64":
        payload = wrap(body.encode(charset))
    elif cte == "quoted-printable":
        payload = quopri.encodestring(body.encode(charset)).decode()
    else:
        payload = body
    return "Content-Type: text/%s; charset=\"%s\"\nContent-Transfer-Encoding: %s\n\n%s\n" % (subtype, charset, cte, payload)

def file_part(path, ctype, name=None):
    name = name or pathlib.Path(path).name
    data = pathlib.Path(path).read_bytes() if isinstance(path, (str, pathlib.Path)) and pathlib.Path(path).exists() else path
    enc = word(name)
    return ("Content-Type: %s; name=\"%s\"\nContent-Transfer-Encoding: base64\n"
            "Content-Disposition: attachment; filename=\"%s\"\n\n%s\n") % (ctype, enc, enc, wrap(data))

def multipart(kind, parts, boundary):
    body = "".join("--%s\n%s" % (boundary, p) for p in parts)
    return "Content-Type: multipart/%s; boundary=\"%s\"\n\n%s--%s--\n" % (kind, boundary, body, boundary)

def mail(name, headers, content):
    n[0] += 1
    base = [
        "Received: from relay.example.net (relay.example.net [192.0.2.%d]) by mx.gd.gov.cn with ESMTPS id X%04d; Mon, 3 Aug 2026 09:%02d:00 +0800" % (n[0], n[0], n[0] % 60),
        "Message-ID: <gen-%s@example.net>" % name,
        "Date: Mon, 3 Aug 2026 09:%02d:00 +0800" % (n[0] % 60),
        "To: %s" % OFFICE,
        "MIME-Version: 1.0",
    ]
    raw = "\n".join(base + headers) + "\n" + content
    (out / (name + ".eml")).write_bytes(raw.replace("\n", "\r\n").encode("ascii"))

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
QQ = ["X-QQ-mid: bizesmtp%d" % 7, "X-QQ-SSF: 00400000000000F0", "X-Mailer: QQMail 2.x", "X-QQ-STYLE:", "X-QQ-FEAT: 3Ir4vAGdwZUG"]
NETEASE = ["X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20250226(8a5c3a1f) Copyright (c) 2002-2026 www.mailtech.cn 163com",
           "X-Originating-IP: [198.51.100.7]", "X-Coremail-Locale: zh_CN", "X-CM-TRANSID: _____wD3X1SdjK5oPQAA--.1S2",
           "X-Coremail-Antispam: 1Uf129KBjvJXoW7Cr47Gw43Aw1xGF4rAF18Xwb_yoW8ArWxpr", "X-CM-SenderInfo: 5lfhs5xdqj5xldr6il2tof0z"]
OUTLOOK = ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AQHa1b2c3d4e5f6g7h8i9j0k", "Content-Language: zh-cn",
           "X-MS-Has-Attach: yes"]

def passing(domain):
    return ["Authentication-Results: %s; spf=pass smtp.mailfrom=%s; dkim=pass header.d=%s; dmarc=pass header.from=%s" % (TRUSTED_AR, domain, domain, domain)]

def failing(domain):
    return ["Authentication-Results: %s; spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=%s; dkim=none; dmarc=fail (p=QUARANTINE) header.from=%s" % (TRUSTED_AR, domain, domain)]

# ---- enquiries: people asking, from the common Chinese clients
mail("q01-qq-question-gb18030", QQ + ["From: %s <3141592653@qq.com>" % word("王小明", "gb18030"),
     "Subject: " + word("咨询新职业申报", "gb18030")],
     text_part("您好：\n\n请问个人可以申报新职业吗？需要盖单位公章吗？\n\n谢谢！\n王小明", "gb18030"))
mail("q02-163-deadline-gbk-alternative", NETEASE + passing("163.com") + ["From: \"%s\" <lihua_gz@163.com>" % word("李华", "gbk"),
     "Subject: " + word("关于新职业建议书截止时间", "gbk")],
     multipart("alternative", [text_part("老师您好，想问一下今年新职业建议书最晚什么时候交？地市和省里是同一个截止日吗？", "gbk"),
                               text_part("<div>老师您好，想问一下今年新职业建议书最晚什么时候交？地市和省里是同一个截止日吗？</div>", "gbk", "html")], "----=_Part_1_163"))
mail("q03-outlook-summary-table-gb2312-qp", OUTLOOK + ["From: %s <zhang.wei@example.com.cn>" % word("张伟", "gb2312"),
     "Subject: " + word("请教：汇总表由谁填写", "gb2312")],
     text_part("您好！\n我们是一家企业，请问附件2《新职业信息汇总表》需要我们自己填写，还是由地市人社局填写？\n\n张伟\n广州某某科技有限公司", "gb2312", cte="quoted-printable"))
mail("q04-foxmail-where-forms", ["X-Mailer: Foxmail 7.2.25.375", "From: chen@example.org.cn", "Subject: " + word("申报材料的模板在哪里下载？")],
     text_part("如题，谢谢。"))
mail("q05-qq-office-address", QQ + ["From: 2718281828@qq.com", "Subject: " + word("你好")],
     text_part("你好，请问你们中心的办公地址在哪？纸质材料可以直接送过去吗", "gb18030"))
mail("q06-enquiry-untrusted-ar-fail", NETEASE + ["Authentication-Results: mx.attacker.example; dmarc=fail header.from=163.com",
     "From: zhaomin@163.com", "Subject: " + word("新工种申报问题", "gbk")],
     text_part("请问已经在大典里的职业，能不能申报新工种？", "gbk"))

# ---- genuine submissions
mail("g01-qq-proposal-docx", QQ + ["From: %s <1618033988@qq.com>" % word("广州某科技有限公司", "gb18030"),
     "Subject: " + word("新职业建议书-数字孪生应用工程师", "gb18030")],
     multipart("mixed", [text_part("您好，附件是我单位的新职业建议书，请查收。", "gb18030"),
                         file_part(FORMS / "testDOCX_filled_libreoffice.docx", DOCX, "新职业建议书.docx")], "----=_NextPart_QQ_1"))
mail("g02-163-proposal-doc", NETEASE + passing("163.com") + ["From: liu_fs@163.com", "Subject: " + word("报送新职业建议书", "gbk")],
     multipart("mixed", [text_part("附件为新职业建议书，请审阅。", "gbk"),
                         file_part(FORMS / "testDOC_filled_libreoffice.doc", "application/msword", "建议书.doc")], "----=_Part_2_163"))
mail("g03-outlook-pdf-only", OUTLOOK + ["From: hr@example.com.cn", "Subject: " + word("新职业申报材料（扫描件）", "gb2312")],
     multipart("mixed", [text_part("附件是盖章后的新职业建议书扫描件。", "gb2312"),
                         file_part(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf", "建议书扫描件.pdf")], "_004_outlook"))
mail("g04-forgot-attachment", QQ + ["From: 1414213562@qq.com", "Subject: " + word("报送新职业建议书", "gb18030")],
     text_part("您好，我单位的新职业建议书见附件，请查收。", "gb18030"))
mail("g05-city-batch", ["X-Mailer: Coremail Webmail Server Version XT6.0.2", "From: zjrsj@example.gov.cn",
     "Subject: " + word("湛江市新职业信息征集结果报送")],
     multipart("mixed", [text_part("现将我市新职业信息汇总表及建议书报送，请查收。"),
                         file_part(FORMS / "testDOCX_summary_libreoffice.docx", DOCX, "新职业信息汇总表.docx"),
                         file_part(FORMS / "testDOCX_filled_libreoffice.docx", DOCX, "新职业建议书1.docx")], "b05"))
mail("g06-video-only", QQ + ["From: 1732050807@qq.com", "Subject: " + word("新职业短视频资料", "gb18030")],
     multipart("mixed", [text_part("这是新职业申报的短视频资料。", "gb18030"),
                         file_part(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64, "video/mp4", "演示.mp4")], "b06"))
mail("g07-outlook-docx-with-signature-image", OUTLOOK + passing("example.com.cn") + ["From: %s <wang.fang@example.com.cn>" % word("王芳", "gb2312"),
     "Subject: " + word("新职业申报：康养照护规划师", "gb2312")],
     multipart("mixed", [text_part("您好，附件为新职业建议书。\n\n王芳", "gb2312"),
                         file_part(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image/png", "image001.png"),
                         file_part(FORMS / "testDOCX_filled_libreoffice.docx", DOCX, "新职业建议书-康养照护规划师.docx")], "_005_outlook"))
mail("g08-english-subject-docx", ["From: Li Ming <liming@example.edu.cn>", "Subject: New occupation proposal"],
     multipart("mixed", [text_part("Please find attached our proposal form.\n李明"),
                         file_part(FORMS / "testDOC_filled_libreoffice.doc", "application/msword", "proposal.doc")], "b08"))

# ---- submissions that must not be answered (filed for staff, no automatic mail)
mail("x01-list-copy-with-proposal", ["From: member@example.org", "List-Id: <hr-forum.example.org>", "Precedence: list",
     "Subject: " + word("[hr-forum] 新职业建议书")],
     multipart("mixed", [text_part("转发一份建议书。"), file_part(FORMS / "testDOCX_filled_libreoffice.docx", DOCX, "建议书.docx")], "bx1"))
mail("x02-forged-proposal", failing("163.com") + ["From: victim@163.com", "Subject: " + word("新职业建议书")],
     multipart("mixed", [text_part("见附件"), file_part(FORMS / "testDOCX_filled_libreoffice.docx", DOCX, "建议书.docx")], "bx2"))

# ---- newsletters and marketing
mail("n01-computer-maker-newsletter", ["From: Dell Technologies <news@dell-mail.example.com>",
     "List-Unsubscribe: <https://dell-mail.example.com/u?id=1>, <mailto:unsub@dell-mail.example.com>",
     "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "Feedback-ID: 1234:dellnews:esp", "Subject: Save up to 40% on XPS laptops"],
     multipart("alternative", [text_part("Our biggest sale of the year. Shop now."), text_part("<p>Our biggest sale</p>", subtype="html")], "bn1"))
mail("n02-card-issuer-bulletin-with-topic-words", ["From: %s <ccsvc@bulletin.example-bank.cn>" % word("某银行信用卡中心"),
     "X-Mailer: Webpower EDM", "List-Unsubscribe: <mailto:td@bulletin.example-bank.cn>", "Subject: " + word("个税专项附加扣除申报提醒与本期账单")],
     text_part("尊敬的客户：个税专项附加扣除申报即将截止，请问您是否已完成申报？本期账单已出。", "gb18030"))
mail("n03-edm-precedence-bulk", ["From: service@shop.example.cn", "Precedence: bulk", "X-Campaign: 2026-1111",
     "Subject: " + word("双十一预售开启")],
     text_part("全场五折起，点击领取优惠券。"))
mail("n04-training-newsletter-feedback-id", ["From: edu@training.example.cn", "Feedback-ID: 88:course:sendcloud",
     "Subject: " + word("2026新职业培训课程招生：人工智能训练师")],
     text_part("新职业培训课程火热招生中，如何报名？请扫描二维码。", "gbk"))

# ---- notifications of web services
mail("t01-issue-tracker", ["From: Someone <notifications@github.com>", "List-ID: <project.owner.github.com>",
     "X-GitHub-Reason: subscribed", "Precedence: list", "Subject: Re: [owner/project] Fix parser (#42)"],
     text_part("Merged #42 into main."))
mail("t02-webmail-noreply", ["From: %s <noreply@service.mail.example.cn>" % word("邮箱服务"), "Subject: " + word("您的邮箱空间即将用满")],
     text_part("您的邮箱已使用95%，请及时清理。如何扩容？请登录网页版。"))
mail("t03-jira-auto-generated", ["From: jira@jira.example.com", "Auto-Submitted: auto-generated", "X-JIRA-FingerPrint: 0123abcd",
     "Subject: [JIRA] (PRJ-7) Upgrade"], text_part("Status changed to Done."))
mail("t04-ticket-order-notice", ["From: 12306@rails.example.cn", "Subject: " + word("网上购票系统-用户支付通知")],
     text_part("尊敬的旅客：您的订单已支付成功，车次G1234，8月10日广州南开。"))

# ---- list mail
mail("l01-chinese-list-question", ["From: member2@example.org", "List-Id: <occupations.lists.example.org>",
     "List-Post: <mailto:occupations@lists.example.org>", "Subject: " + word("[职业标准] 请问大家新职业怎么写定义？")],
     text_part("各位，新职业定义怎么写比较好？"))
mail("l02-google-groups", ["From: someone@example.com", "Mailing-List: list group@googlegroups.example; contact group+owners@googlegroups.example",
     "Subject: weekly digest"], text_part("Digest of 3 messages."))

# ---- spam
mail("s01-invoice-spam-plain", ["From: %s <baoguan@example.com>" % word("张先生", "gb2312"), "Subject: " + word("代开各地增值税发票", "gb2312")],
     text_part("您好！本公司代开各类发票，点数优惠，联系电话 13600000000。", "gb2312"))
mail("s02-spam-flag-with-topic", ["X-Spam-Flag: YES", "X-Spam-Status: Yes, score=9.1 required=5.0", "From: agent@example.biz",
     "Subject: " + word("高新技术企业申报代理，包过！")], text_part("专业代理各类项目申报，请问您需要吗？"))
mail("s03-rspamd-add-header", ["X-Spam: Yes", "X-Rspamd-Action: add header", "From: winner@example.info",
     "Subject: You have won"], text_part("Claim your prize now?"))
mail("s04-forged-enquiry-dmarc-fail", failing("qq.com") + ["From: 9999999@qq.com", "Subject: " + word("新职业申报咨询")],
     text_part("请问新职业申报的材料怎么交？", "gb18030"))
mail("s05-spam-subject-tag", ["From: promo@example.top", "Subject: " + word("【垃圾邮件】新职业证书快速办理")],
     text_part("不用考试，快速拿证，请问需要吗？"))
mail("s06-forged-dkim-fail", ["Authentication-Results: %s; spf=softfail smtp.mailfrom=example.com.cn; dkim=fail header.d=example.com.cn" % TRUSTED_AR,
     "From: boss@example.com.cn", "Subject: " + word("请问申报进度")], text_part("请问我们的新职业申报进度如何？"))

# ---- automatic
mail("a01-qq-auto-reply", QQ + ["From: 3141592653@qq.com", "Auto-Submitted: auto-replied", "Subject: " + word("自动回复: 申报新职业", "gb18030")],
     text_part("您好，我最近正在休假中，无法亲自回复您的邮件。", "gb18030"))
mail("a02-outlook-oof", OUTLOOK + ["From: zhang.wei@example.com.cn", "X-Auto-Response-Suppress: All", "Subject: " + word("自动答复: 新职业申报", "gb2312")],
     text_part("我不在办公室。", "gb2312"))
