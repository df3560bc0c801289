<#import "common.ftl" as c>
补正材料已收到<#if complete>（材料齐全）</#if><#if title?has_content>（${title}）</#if>
<@c.header complete?then("补正材料受理回执", "补正材料仍需补正的通知")/>

您就受理编号 ${reference} 提交的补正材料已于${receivedAt}（北京时间）收到（第${case.version}次提交）。
<#if complete>

经核对，补正后的《新职业建议书》<#if case.fileName?has_content>（${case.fileName}）</#if>未发现需要补正的问题，材料已齐全，将进入后续审核。
<#else>

经核对，材料仍有以下问题需要补正：

<@c.problems/>

<@c.whatToSend/>
</#if>

<@c.attachmentList/>

<@c.nextSteps/>

<@c.contact/>
