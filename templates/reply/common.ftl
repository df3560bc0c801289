<#-- 各回复共用的段落。修改措辞即可，不要改宏的名字。 -->
<#macro attachmentList>
<#if attachments?has_content>
我们在来信中收到以下附件：
<#list attachments as a>
  ${a?counter}. ${a.inner?then("（压缩包内）", "")}${a.name}（${a.kind}<#if a.size?has_content>，${a.size}</#if><#if a.duration?has_content>，时长${a.duration}</#if>）<#if a.problem?has_content>：${a.problem}</#if>
</#list>
<#if (moreAttachments > 0)>
  另有 ${moreAttachments} 个文件未逐一列出。
</#if>
<#else>
来信中没有附件。
</#if>
</#macro>

<#macro nextSteps>
后续流程：根据《关于开展我省新职业信息征集工作的通知》（粤人社函〔2026〕159号），申报材料先由所在地市人力资源社会保障部门组织初审（省属单位征求行业主管部门意见），再由省人力资源社会保障厅组织专家进行省级论证。论证结果将另行通知。
</#macro>

<#macro paperCopy>
请注意：申报材料须同时提交纸质版，纸质材料须加盖单位公章或由个人签名，邮寄至${office.postalAddress}（请在信封上注明“${office.postalNote}”）。短视频、图表等可视化资料请以光盘或U盘形式存储，与纸质材料一同寄送。
</#macro>

<#macro howToResubmit>
如何补正：请直接回复本邮件，附上修改后的《新职业建议书》Word 电子版（.doc 或 .docx），并保留邮件主题中的受理编号“[${reference}]”，以便我们把补正材料归入同一申报。
</#macro>

<#macro contact>
联系方式：${office.name}，联系人 ${office.contacts}，电话 ${office.phone}，电子邮箱 ${office.email}。

本邮件由系统自动发送，回复本邮件即可补充材料；如有疑问请致电联系。
${office.name}
</#macro>
