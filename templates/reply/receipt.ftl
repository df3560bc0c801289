<#import "common.ftl" as c>
回执：已收到新职业建议书<#if title?has_content>（${title}）</#if>
<@c.header "新职业申报材料受理回执"/>

您于${receivedAt}（北京时间）发来的新职业申报材料已收到，受理编号为 ${reference}，今后来信或来电请注明此编号。

经核对，所附《新职业建议书》<#if case.fileName?has_content>（${case.fileName}）</#if>填报的职业（工种）名称为“${case.title}”，未发现需要补正的问题。
<#if case.warnings?has_content>

以下几点供参考，不影响受理：
<#list case.warnings as w>
${w?counter}. ${w}
</#list>
</#if>

<@c.attachmentList/>

<@c.nextSteps/>

<@c.paperCopy/>

<@c.contact/>
