<#import "common.ftl" as c>
回执：已收到新职业建议书<#if title?has_content>（${title}）</#if>
您好：

您的新职业申报材料已收到，受理编号为 ${reference}，请在今后的来信和咨询中引用此编号。
收到时间：${receivedAt}（北京时间）

<@c.attachmentList/>

解析结果：已读取《新职业建议书》<#if case.fileName?has_content>（${case.fileName}）</#if>，职业（工种）名称“${case.title}”，未发现需要补正的问题。
<#if case.warnings?has_content>
以下几点供您参考（不影响受理）：
<#list case.warnings as w>
  - ${w}
</#list>
</#if>

<@c.nextSteps/>

<@c.paperCopy/>

<@c.contact/>
