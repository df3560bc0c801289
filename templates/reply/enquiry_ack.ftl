来信已收到，工作人员将尽快答复
您好：

# 来信收到回执

> 日期：${today}

您<#if subject?has_content>主题为“${subject}”的</#if>来信已于${receivedAt}（北京时间）收到。工作人员会阅读您的问题，并尽快用电子邮件答复，请耐心等候。本邮件只确认收到，不是对问题的答复。

申报要求见《广东省人力资源和社会保障厅关于开展我省新职业信息征集工作的通知》（粤人社函〔2026〕159号）及附件1《新职业建议书》、附件2《新职业信息汇总表》。${office.formsNote}

如需申报，请将填写好的《新职业建议书》Word 文件作为附件发送到本邮箱 ${office.email}，并按通知要求寄送纸质材料。

联系方式：联系人${office.contacts}，电话 ${office.phone}，电子邮箱 ${office.email}。

> ${office.name}
> ${today}
