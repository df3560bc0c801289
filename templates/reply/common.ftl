<#-- 各回复共用的段落。修改措辞即可，不要改宏的名字。
     约定：以“# ”开头的一行是标题（居中），以“> ”开头的行靠右（受理编号、落款），以“|”开头的行是表格。 -->
<#macro header heading refs=reference>
${addressee}：

# ${heading}

> 受理编号：${refs}
> 日期：${letterDate}
</#macro>

<#macro attachmentList>
<#if attachments?has_content>
来信所附文件：
<#list attachments as a>
${a?counter}. ${a.inner?then("（压缩包内）", "")}${a.name}（${a.kind}<#if a.size?has_content>，${a.size}</#if><#if a.duration?has_content>，时长${a.duration}</#if>）<#if a.problem?has_content>：${a.problem}</#if>
</#list>
<#if (moreAttachments > 0)>
另有 ${moreAttachments} 个文件未逐一列出。
</#if>
</#if>
<#-- 没有附件时不再另写一句：补正通知的问题中已经说了。 -->
</#macro>

<#macro problems>
<#list groups as g>
${g.title}
<#list g.problems as p>
${p?counter}. ${p}
</#list>
</#list>
</#macro>

<#macro whatToSend>
请于${dueDate}前（<#if dueIsPeriodDeadline>本期报送截止日<#else>${workingDays}个工作日内</#if>）回复本邮件，<#if hasForm && attachedSomething>附上修改后的《新职业建议书》Word 文件<#else>附上按通知附件1格式填写的《新职业建议书》Word 文件（.doc 或 .docx，请直接作为附件发送，不要只发 PDF、图片或网盘链接）</#if>，并保留邮件主题中的受理编号“[${reference}]”，以便归入同一申报。
</#macro>

<#macro nextSteps>
后续安排：根据《关于开展我省新职业信息征集工作的通知》（粤人社函〔2026〕159号），申报材料先由所在地市人力资源社会保障部门组织初审（省属单位征求行业主管部门意见），再由省人力资源社会保障厅组织专家论证，结果另行通知。
</#macro>

<#macro paperCopy>
纸质材料：申报材料须同时提交纸质版，加盖单位公章或由个人签名，邮寄至${office.postalAddress}（请注明“${office.postalNote}”）。短视频、图表等可视化资料请存入光盘或U盘，随纸质材料一同寄送。
</#macro>

<#macro contact>
联系方式：联系人${office.contacts}，电话 ${office.phone}，电子邮箱 ${office.email}。${office.formsNote}

> ${office.name}
> ${letterDate}

（本邮件由受理系统发出，回复本邮件即可补交材料。）
</#macro>
