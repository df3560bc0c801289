<#import "common.ftl" as c>
补正通知：<#if hasForm>申报材料需要补正<#else>未收到可用的新职业建议书</#if><#if title?has_content>（${title}）</#if>
您好：

您的来信已收到，受理编号为 ${reference}，请在今后的来信和咨询中引用此编号。
收到时间：${receivedAt}（北京时间）

<@c.attachmentList/>

<#if hasForm>
解析结果：我们读取了您提交的《新职业建议书》<#if case.fileName?has_content>（${case.fileName}）</#if>，发现以下问题需要补正：
<#else>
解析结果：来信中没有可以受理的《新职业建议书》电子版，具体情况如下：
</#if>
<#list case.errors as e>
  ${e?counter}. ${e}
</#list>
<#list submissionFindings as f>
<#if !case.errors?seq_contains(f)>
  - ${f}
</#if>
</#list>
<#if case.warnings?has_content>
另请留意（不影响受理）：
<#list case.warnings as w>
  - ${w}
</#list>
</#if>

<#if !hasForm>
需要提交的材料：按通知附件1格式填写的《新职业建议书》Word 电子版（.doc 或 .docx，请直接作为邮件附件发送，不要只发 PDF、图片或网盘链接）。
</#if>
<@c.howToResubmit/>

<@c.nextSteps/>

<@c.paperCopy/>

<@c.contact/>
